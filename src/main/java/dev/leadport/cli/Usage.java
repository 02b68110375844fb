package dev.leadport.cli;

/** The help text. */
final class Usage {

    static final String TEXT = """
            Leadport command-line client

            Usage: leadport COMMAND [OPTIONS]

              export --out FILE [--status S]... [--owner O] [--source S] [--created-from D] [--created-to D]
                     [--updated-from D] [--updated-to D] [--q TEXT] [--fields a,b,...] [--format csv|xlsx]
                     [--header labels|keys] [--bom]
                  Exports the leads the filters select. The file appears only once complete.

            Every command takes --url URL (else LEADPORT_URL, else http://localhost:8080) and signs in with the
            personal API token in LEADPORT_TOKEN.

            Exit codes: 0 done; 1 the job failed, or rows or ids of it failed; 2 usage error;
                        3 error answer from the server, token refused, or no connection.
            """;

    private Usage() {}
}
