package org.ccin.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Instants are stored as INTEGER milliseconds since the epoch (UTC): they sort and compare correctly in SQL,
 * which ISO text of varying precision would not.
 */
public final class InstantMapping {
    private InstantMapping() {
    }

    public static void install(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.INTEGER) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, new ColumnMapper<Instant>() {
            @Override
            public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
                long millis = r.getLong(columnNumber);
                return r.wasNull() ? null : Instant.ofEpochMilli(millis);
            }
        });
    }
}
