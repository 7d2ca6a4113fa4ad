-- The derived wish status (wishes.WishDerivation) of every person with statements, written with each statement in
-- the same transaction, so that the person list can filter by it in SQL (wishes.WishListColumn). A person without a
-- row has said nothing: UNKNOWN. Filled for the statements recorded before by the Java migration 14.2.2.
create table wish_status (
    person_id bigint primary key references person (id),
    status    text not null check (status in ('VERIFIED_RETURN', 'VERIFIED_NOT_RETURNING', 'UNVERIFIED_CLAIM',
                  'UNKNOWN'))
);

create index wish_status_status_idx on wish_status (status, person_id);
