package org.ccin.store.groups;

/** What a group brings people together around. */
public enum GroupKind { THEME, SECTOR, REGION, CATEGORY }
