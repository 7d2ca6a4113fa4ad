package org.parley.database;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secondary indexes and foreign keys of some tables, dropped before a bulk insert and built again after it, in the
 * caller's transaction. Building an index once over a million new rows costs a fraction of updating it row by row, and
 * a foreign key added back is checked in one join instead of a trigger call per row. Primary keys and unique
 * constraints stay ({@link #drop}), unless the load asks for them to be deferred too ({@link #dropWithKeys}): then
 * those of tables that no other table's foreign key references are dropped and added back first, which checks them
 * over the whole table (a duplicate made by the load fails the restore, hence the load).
 *
 * <p>Dropping an index locks its table (ACCESS EXCLUSIVE) until the transaction ends, so readers of those tables wait
 * for the load: use it only where a load is large against what the tables hold. If the transaction rolls back, the
 * drops roll back with it and the indexes are as they were. The definitions are read from the catalogue, so a
 * migration that adds an index needs no change here.
 */
public final class DeferredIndexes {

    /** Memory for each index build (the session's default, 64 MB, makes the trigram index spill to disk). */
    private static final String BUILD_MEMORY = "512MB";

    private final JdbcClient jdbc;
    private final List<Definition> keys;
    private final List<Definition> indexes;
    private final List<Definition> foreignKeys;

    /** An index or constraint: the table it belongs to, its name (quoted as SQL needs) and its definition. */
    private record Definition(String table, String name, String definition) {
    }

    private DeferredIndexes(JdbcClient jdbc, List<Definition> keys, List<Definition> indexes,
            List<Definition> foreignKeys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    /** Drops the tables' secondary indexes and their own foreign keys; {@link #restore} builds them again. */
    public static DeferredIndexes drop(JdbcClient jdbc, List<String> tables) {
        return drop(jdbc, tables, false);
    }

    /**
     * As {@link #drop}, and also the primary keys and unique constraints of those of the tables that no foreign key
     * references once the tables' own are dropped. For a load that looks nothing up in those tables before
     * {@link #restore}: keeping a key up to date row by row took most of the time of a COPY into a narrow table (the
     * 1.1 million search words of 100,000 persons: 2.1 s with the key, 0.55 s without and 0.93 s to build it after).
     */
    public static DeferredIndexes dropWithKeys(JdbcClient jdbc, List<String> tables) {
        return drop(jdbc, tables, true);
    }

    private static DeferredIndexes drop(JdbcClient jdbc, List<String> tables, boolean withKeys) {
        String[] names = tables.toArray(String[]::new);
        List<Definition> indexes = definitions(jdbc, names, "select i.indrelid::regclass::text, "
                + "i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i "
                + "where i.indrelid = any(" + TABLES + ") and not i.indisprimary and not i.indisunique "
                + "and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid) "
                + "order by i.indexrelid");
        List<Definition> foreignKeys = definitions(jdbc, names, CONSTRAINTS + "c.contype = 'f' order by c.oid");
        foreignKeys.forEach(k -> jdbc.sql("alter table " + k.table() + " drop constraint " + k.name()).update());
        indexes.forEach(i -> jdbc.sql("drop index " + i.name()).update());
        List<Definition> keys = !withKeys ? List.of() : definitions(jdbc, names, CONSTRAINTS
                + "c.contype in ('p', 'u') and not exists (select 1 from pg_constraint f where f.contype = 'f' "
                + "and f.confrelid = c.conrelid) order by c.oid");
        keys.forEach(k -> jdbc.sql("alter table " + k.table() + " drop constraint " + k.name()).update());
        return new DeferredIndexes(jdbc, keys, indexes, foreignKeys);
    }

    /** The tables named by the parameter {@code :tables}, as a subquery of their oids. */
    private static final String TABLES = "select to_regclass(t) from unnest(:tables) t";
    /** The constraints of those tables; the condition that picks some of them follows its last "and". */
    private static final String CONSTRAINTS = "select c.conrelid::regclass::text, quote_ident(c.conname), "
            + "pg_get_constraintdef(c.oid) from pg_constraint c where c.conrelid = any(" + TABLES + ") and ";

    /** The table, name and definition of each row of {@code sql}, a query of the {@code tables}. */
    private static List<Definition> definitions(JdbcClient jdbc, String[] tables, String sql) {
        return jdbc.sql(sql).param("tables", tables)
                .query((rs, n) -> new Definition(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Adds the dropped keys back, builds the dropped indexes and adds the foreign keys back, each checked over the
     * whole table.
     *
     * @param step told of each index and key as its build begins, for the progress shown
     */
    public void restore(Consumer<String> step) {
        jdbc.sql("set local maintenance_work_mem = '" + BUILD_MEMORY + "'").update();
        for (Definition key : keys) {
            step.accept("building the key " + key.name() + " of " + key.table());
            jdbc.sql("alter table " + key.table() + " add constraint " + key.name() + " " + key.definition()).update();
        }
        for (Definition index : indexes) {
            step.accept("building the index " + index.name() + " of " + index.table());
            jdbc.sql(index.definition()).update();
        }
        for (Definition key : foreignKeys) {
            step.accept("checking the foreign key " + key.name() + " of " + key.table());
            jdbc.sql("alter table " + key.table() + " add constraint " + key.name() + " " + key.definition()).update();
        }
    }
}
