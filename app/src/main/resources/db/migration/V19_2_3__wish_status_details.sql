-- The rest of the derived wish beside its status (wishes.DerivedWish: the date of the governing verified statement,
-- whether a claim contradicts it, the oldest claim awaiting verification), written with it in the statement's
-- transaction, so that every person the API answers, the interview queue and the exchanges read one row per person
-- instead of reading and deriving all of a person's statements each time. Filled for the persons whose statements
-- were recorded before by the Java migration 19.2.4.
alter table wish_status
    add column verified_on     date,
    add column contradicted    boolean not null default false,
    add column oldest_claim_on date;
