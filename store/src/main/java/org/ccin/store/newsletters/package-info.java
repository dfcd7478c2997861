/** Newsletter subscriptions with their consent, newsletters with their audience and state, and taps on them. */
package org.ccin.store.newsletters;
