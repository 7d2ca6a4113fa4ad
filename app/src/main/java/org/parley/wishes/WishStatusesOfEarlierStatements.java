package org.parley.wishes;

import org.flywaydb.core.api.migration.Context;
import org.parley.registry.OnceJavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 14.2.2: the stored wish status (table {@code wish_status}, made by V14_2_1) of every person whose
 * statements were recorded before it, derived in Java ({@link WishDerivation}) as every statement recorded since
 * stores it.
 */
@Component
class WishStatusesOfEarlierStatements extends OnceJavaMigration {

    WishStatusesOfEarlierStatements() {
        super("14.2.2", "wish statuses of statements recorded before V14_2_1");
    }

    @Override
    public void migrate(Context context) throws Exception {
        EarlierStatements.storeDerived(context.getConnection(),
                "insert into wish_status (person_id, status) values (?, ?)", (store, person, wish) -> {
                    store.setLong(1, person);
                    store.setString(2, wish.status().name());
                });
    }
}
