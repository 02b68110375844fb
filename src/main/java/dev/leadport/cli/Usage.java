package dev.leadport.cli;

/** The help text. */
final class Usage {

    static final String TEXT = """
            Leadport command-line client

            Usage: leadport COMMAND [OPTIONS]

              export --out FILE [--status S]... [--owner O] [--source S] [--created-from D] [--created-to D]
                     [--updated-from D] [--updated-to D] [--q TEXT] [--external-id X] [--fields a,b,...]
                     [--format csv|xlsx]
                     [--header labels|keys] [--bom]
                  Exports the leads the filters select. The file appears only once complete.

              import FILE [--wait] [--dry-run] [--mapping MAPPING.json] [--duplicate-mode SKIP|UPDATE|CREATE]
                     [--match-by email|id|external-id]
                     [--default-region R] [--date-order DMY|MDY|AUTO] [--encoding E] [--header-row N]
                     [--allow-errors] [--poll-ms N]
                  Imports a CSV or XLSX file. With --wait it prints progress until the job ends and writes
                  FILE.errors.csv (failed rows and warnings, the reason appended) and FILE.success.csv (rows that
                  landed) next to FILE. --dry-run validates only and prints what would happen. MAPPING.json is
                  a JSON object of column header to field, e.g. {"E-mail Address": "email"}.

              bulk update --ids FILE [--status S] [--source S] [--set field=value]... [--dry-run]
              bulk assign --ids FILE --owner ID|USERNAME|EMAIL [--dry-run]
              bulk delete --ids FILE [--dry-run]
                  [--allow-errors] [--poll-ms N]
                  Changes, reassigns or deletes (to the recycle bin) the leads listed in FILE: one id per line,
                  or a CSV with an id column (an export with --fields id,...). Waits for the operation and
                  writes every id's result to FILE.results.csv.

              jobs [--type import|export|bulk]... [--limit N]
                  The recent imports, exports and bulk operations, newest first (default: all, 20).

            Every command takes --url URL (else LEADPORT_URL, else http://localhost:8080) and signs in with the
            personal API token in LEADPORT_TOKEN.

            Exit codes: 0 done; 1 the job failed or was cancelled, rows or ids of it failed (0 with
                        --allow-errors), or the server refused the file; 2 usage error; 3 any other error
                        answer from the server, token refused, or no connection.
            """;

    private Usage() {}
}
