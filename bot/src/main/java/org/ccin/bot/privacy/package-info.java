/**
 * Members' data rights: /mydata (everything held about them, as a file), /forgetme (erasure, after a confirmation),
 * /privacy (the notice), and the nightly pruning of what nobody needs.
 */
package org.ccin.bot.privacy;
