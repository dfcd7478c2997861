/**
 * Policy Lab and Policy Prototype funding rounds: the rounds staff open, members' applications and their answers,
 * reviewers' scores and comments, and the decisions within the round's budget.
 */
package org.ccin.store.labs;
