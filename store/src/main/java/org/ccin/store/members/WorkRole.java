package org.ccin.store.members;

/** What a member does in their organisation; some groups are only for councillors or only for officers. */
public enum WorkRole { COUNCILLOR, OFFICER, OTHER }
