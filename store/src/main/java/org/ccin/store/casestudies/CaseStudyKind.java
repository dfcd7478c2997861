package org.ccin.store.casestudies;

/** What a case study is: a council's story, a funded Policy Lab, or a smaller Policy Prototype. */
public enum CaseStudyKind {
    CASE_STUDY, POLICY_LAB, POLICY_PROTOTYPE
}
