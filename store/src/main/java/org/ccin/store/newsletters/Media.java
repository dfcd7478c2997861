package org.ccin.store.newsletters;

/** What a newsletter is: text, or a photo or a document with a caption. */
public enum Media { TEXT, PHOTO, DOCUMENT }
