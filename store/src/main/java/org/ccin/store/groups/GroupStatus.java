package org.ccin.store.groups;

/** PLANNED: in the catalogue, no Telegram group yet. ACTIVE: registered. BOT_REMOVED: the bot was taken out. */
public enum GroupStatus { PLANNED, ACTIVE, BOT_REMOVED }
