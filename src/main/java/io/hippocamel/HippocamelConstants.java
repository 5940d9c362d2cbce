package io.hippocamel;

/** Route ids, endpoint URIs, header and exchange property names: the one place they are spelled. */
public final class HippocamelConstants {

    private HippocamelConstants() {
    }

    // --- ingest pipeline
    /** Queue of documents to process; consumers are the extract workers. */
    public static final String INGEST_QUEUE = "seda:ingest";
    public static final String INGEST_CHUNK = "direct:ingest-chunk";
    public static final String INGEST_BATCH = "direct:ingest-batch";
    public static final String INGEST_EMBED_QUEUE = "seda:ingest-embed";
    public static final String INGEST_INDEX = "direct:ingest-index";

    public static final String ROUTE_INGEST_EXTRACT = "ingest-extract";
    public static final String ROUTE_INGEST_CHUNK = "ingest-chunk";
    public static final String ROUTE_INGEST_BATCH = "ingest-batch";
    public static final String ROUTE_INGEST_EMBED = "ingest-embed";
    public static final String ROUTE_INGEST_INDEX = "ingest-index";
    public static final String INGEST_ERRORS = "ingest-errors";

    // --- API
    public static final String API_ERRORS = "api-errors";
    /** Exchange property: the tenant the request's API key belongs to. */
    public static final String TENANT = "HippocamelTenant";
    /** Exchange property: the ingest job an exchange works on, for the failure handler. */
    public static final String INGEST_JOB = "HippocamelIngestJob";
    /** Path parameter of document routes. */
    public static final String DOCUMENT_ID = "id";
    public static final String AUTHORIZATION = "Authorization";
}
