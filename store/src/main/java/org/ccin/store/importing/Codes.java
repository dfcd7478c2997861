package org.ccin.store.importing;

import java.util.Locale;
import java.util.regex.Pattern;

/** Codes are short lower-case identifiers (full, north-west) that buttons and other files refer to. */
final class Codes {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private Codes() {
    }

    static String code(ImportRow row) {
        String code = row.required("code").toLowerCase(Locale.ROOT);
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            row.problem("'code' must be 1 to 32 of a-z, 0-9, - and _, not '" + code + "'");
        }
        return code;
    }
}
