-- Frozen reports of figures (issue 15): the signed document as written, never changed (reports.ReportService).
create table figure_report (
    id                 uuid primary key,
    organisation_code  text not null,
    author             text not null,
    title              text not null,
    created_at         timestamptz not null,
    tree_size          bigint not null,
    document           text not null
);

create index figure_report_organisation_idx on figure_report (organisation_code, created_at);

create trigger figure_report_no_update before update or delete on figure_report
    for each row execute function append_only();
