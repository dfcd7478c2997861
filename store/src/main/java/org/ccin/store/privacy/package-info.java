/** Members' data rights: everything held about one member, erasing a member, and pruning what nobody needs. */
package org.ccin.store.privacy;
