-- The column mappings an organisation confirmed on the import page (interchange.ColumnMappingStore): the next file
-- with the same header comes pre-mapped. The header signature is the SHA-256 of the header's cells as written.
create table import_mapping (
    organisation     text not null,
    header_signature text not null,
    header           text[] not null,
    columns          jsonb not null,
    saved_by         text not null,
    saved_at         timestamptz not null default now(),
    primary key (organisation, header_signature)
);
