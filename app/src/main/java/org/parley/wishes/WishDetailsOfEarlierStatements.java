package org.parley.wishes;

import java.sql.Types;
import org.flywaydb.core.api.migration.Context;
import org.parley.registry.OnceJavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 19.2.4: the whole derived wish (the columns V19_2_3 added to {@code wish_status}) of every person whose
 * statements were recorded before it, derived in Java ({@link WishDerivation}) as every statement recorded since
 * stores it.
 */
@Component
class WishDetailsOfEarlierStatements extends OnceJavaMigration {

    WishDetailsOfEarlierStatements() {
        super("19.2.4", "derived wish details of statements recorded before V19_2_3");
    }

    @Override
    public void migrate(Context context) throws Exception {
        EarlierStatements.storeDerived(context.getConnection(), "update wish_status set status = ?, verified_on = ?, "
                + "contradicted = ?, oldest_claim_on = ? where person_id = ?", (store, person, wish) -> {
                    store.setString(1, wish.status().name());
                    store.setObject(2, wish.verifiedOn(), Types.DATE);
                    store.setBoolean(3, wish.contradicted());
                    store.setObject(4, wish.oldestClaimOn(), Types.DATE);
                    store.setLong(5, person);
                });
    }
}
