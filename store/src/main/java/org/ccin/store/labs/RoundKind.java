package org.ccin.store.labs;

/** A Policy Lab (a larger project) or a Policy Prototype (a small trial). */
public enum RoundKind { LAB, PROTOTYPE }
