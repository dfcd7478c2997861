package org.ccin.store.importing;

import org.jdbi.v3.core.Handle;

/** Existence checks the plan sections share. */
final class PlanLookups {
    private PlanLookups() {
    }

    static boolean planExists(Handle handle, String plan) {
        return handle.createQuery("SELECT count(*) FROM plans WHERE code = :code").bind("code", plan)
                .mapTo(Integer.class).one() > 0;
    }

    static boolean objectiveExists(Handle handle, String plan, String objective) {
        return handle.createQuery("SELECT count(*) FROM objectives WHERE plan_code = :plan AND code = :code")
                .bind("plan", plan).bind("code", objective).mapTo(Integer.class).one() > 0;
    }

    static boolean exists(Handle handle, String table, String code) {
        return handle.createQuery("SELECT count(*) FROM " + table + " WHERE code = :code").bind("code", code)
                .mapTo(Integer.class).one() > 0;
    }
}
