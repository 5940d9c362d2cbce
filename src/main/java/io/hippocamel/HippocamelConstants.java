package io.hippocamel;

import java.util.regex.Pattern;

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
    public static final String ROUTE_INGEST_SUMMARY = "ingest-summary";
    public static final String INGEST_ERRORS = "ingest-errors";
    public static final String ROUTE_INGEST_ABANDONED = "ingest-abandoned";

    // --- API
    public static final String API_ERRORS = "api-errors";
    /** Exchange property: the tenant the request's API key belongs to. */
    public static final String TENANT = "HippocamelTenant";
    /** Exchange property: the ingest job an exchange works on, for the failure handler. */
    public static final String INGEST_JOB = "HippocamelIngestJob";
    /** Path parameter of document routes. */
    public static final String DOCUMENT_ID = "id";
    public static final String AUTHORIZATION = "Authorization";

    // --- Memory Router
    /** Paths of the router: /v3/ followed by an upstream URL (http:// or https://, possibly with the slash collapsed). */
    private static final Pattern ROUTER_PATH = Pattern.compile("/v3/(?i)https?:/");

    /** Whether a request path is the router's (the API's filters leave those to the router). */
    public static boolean isRouterPath(String path) {
        return path != null && ROUTER_PATH.matcher(path).lookingAt();
    }

    public static final String ROUTER_ERRORS = "router-errors";
    public static final String ROUTER_MEMORY = "direct:router-memory";
    public static final String ROUTER_STRIP = "direct:router-strip";
    public static final String ROUTER_RETRIEVE = "direct:router-retrieve";
    public static final String ROUTER_AUGMENT = "direct:router-augment";
    public static final String ROUTER_FORWARD = "direct:router-forward";
    /** Async store of new turns; never blocks the answer. */
    public static final String ROUTER_STORE_QUEUE = "seda:router-store";
    /**
     * The one upstream endpoint; the validated URL of each call goes in {@code CamelHttpUri}, so no endpoint URI is
     * ever built from request data. No redirects, no retries of the POST, the answer streamed as it arrives.
     */
    public static final String ROUTER_UPSTREAM = "http://llm-upstream?throwExceptionOnFailure=false"
            + "&disableStreamCache=true&copyHeaders=false&followRedirects=false";
    /** Exchange property: the {@code ChatCall} as the pipeline last left it. */
    public static final String ROUTER_CALL = "HippocamelRouterCall";
    public static final String ROUTER_API_KEY = "x-supermemory-api-key";
    public static final String ROUTER_USER_ID = "x-sm-user-id";
    public static final String ROUTER_CONVERSATION_ID = "x-sm-conversation-id";
    public static final String SM_CONVERSATION_ID = "x-supermemory-conversation-id";
    public static final String SM_CONTEXT_MODIFIED = "x-supermemory-context-modified";
    public static final String SM_TOKENS_PROCESSED = "x-supermemory-tokens-processed";
    public static final String SM_CHUNKS_RETRIEVED = "x-supermemory-chunks-retrieved";
    public static final String SM_CHUNKS_CREATED = "x-supermemory-chunks-created";
    public static final String SM_CHUNKS_DELETED = "x-supermemory-chunks-deleted";
    public static final String SM_ERROR = "x-supermemory-error";

    // --- connectors
    /** Manual sync trigger: the body is a connector id; consumed off the caller's thread. */
    public static final String CONNECTOR_SYNC_QUEUE = "seda:connector-sync";
    public static final String ROUTE_CONNECTOR_MANUAL = "connector-manual";
    /** Route template of the scheduled sync; each connector instance gets a route {@code connector-<id>}. */
    public static final String CONNECTOR_TEMPLATE = "connector-sync";
    public static final String CONNECTOR_ROUTE_PREFIX = "connector-";
    /** Path parameters of the /v3/connections routes. */
    public static final String CONNECTION_ID = "connectionId";
    public static final String CONNECTION_PROVIDER = "provider";
    /** Path parameter of the /v3/container-tags routes. */
    public static final String CONTAINER_TAG_PARAM = "containerTag";
    /** Metadata every connector document carries: what it mirrors and from where. */
    public static final String META_SOURCE = "source";
    public static final String META_CONNECTOR = "connector";
    public static final String META_SOURCE_ID = "sourceId";
    public static final String META_URL = "url";
    public static final String META_TITLE = "title";
    public static final String META_MODIFIED_TIME = "modifiedTime";
    public static final String META_PATH = "path";
    public static final String META_SOURCE_VERSION = "sourceVersion";
    public static final String META_CONTENT_HASH = "contentHash";
}
