package io.hippocamel.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.hippocamel.api.ApiErrorMapper;
import io.hippocamel.api.ApiKeys;
import io.hippocamel.api.ApiRoutes;
import io.hippocamel.api.ConversationApi;
import io.hippocamel.api.Authenticator;
import io.hippocamel.api.DocumentApi;
import io.hippocamel.api.JsonResponseWriter;
import io.hippocamel.api.MultipartReader;
import io.hippocamel.api.RequestReader;
import io.hippocamel.api.SearchApi;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.embed.Embedder;
import io.hippocamel.embed.OnnxEmbedder;
import io.hippocamel.embed.OnnxModel;
import io.hippocamel.embed.OpenAiEmbedder;
import io.hippocamel.ingest.ChunkContext;
import io.hippocamel.ingest.ChunkStep;
import io.hippocamel.ingest.Chunker;
import io.hippocamel.ingest.ContentExtractor;
import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.ingest.DocumentLeases;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.EmbedStep;
import io.hippocamel.ingest.ExtractStep;
import io.hippocamel.ingest.IndexStep;
import io.hippocamel.HippocamelConstants;
import io.hippocamel.ingest.IngestFailureHandler;
import io.hippocamel.ingest.IngestQueue;
import io.hippocamel.ingest.IngestRecovery;
import io.hippocamel.ingest.IngestRecoveryRoute;
import io.hippocamel.ingest.IngestRoutes;
import io.hippocamel.ingest.IngestSummary;
import io.hippocamel.ingest.UrlFetcher;
import io.hippocamel.router.ContextStripper;
import io.hippocamel.router.FailOpen;
import io.hippocamel.router.MemoryRetriever;
import io.hippocamel.router.PromptAugmenter;
import io.hippocamel.router.ReplyParser;
import io.hippocamel.router.RouterErrorMapper;
import io.hippocamel.router.RouterRequestReader;
import io.hippocamel.router.RouterRoutes;
import io.hippocamel.router.TokenCounter;
import io.hippocamel.router.UpstreamRequestWriter;
import io.hippocamel.router.UpstreamResolver;
import io.hippocamel.router.UpstreamResponseHandler;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.SearchService;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.elasticsearch.ElasticsearchMemoryStore;
import io.hippocamel.store.elasticsearch.EsConnection;
import io.hippocamel.store.elasticsearch.EsIndices;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.QueueReference;
import org.apache.camel.component.seda.SedaComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the engine from the typed configuration: store, embedder, pipeline, search and API. */
@Configuration(proxyBeanMethods = false)
public class HippocamelConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    MemoryStore memoryStore(HippocamelProperties props, Embedder embedder) {
        return switch (props.getStore().getType()) {
            case LUCENE -> new LuceneMemoryStore(props.getDataDir().resolve("store"), embedder.dimension());
            case ELASTICSEARCH -> elasticsearchStore(props.getStore().getElasticsearch(), embedder.dimension());
        };
    }

    private static MemoryStore elasticsearchStore(HippocamelProperties.Elasticsearch es, int dimension) {
        if (es.getUrl() == null || es.getUrl().isBlank()) {
            throw new IllegalStateException("hippocamel.store.type=elasticsearch needs hippocamel.store.elasticsearch.url"
                    + " (config/application.yaml, or the ES_URL environment variable)");
        }
        EsConnection connection = new EsConnection(Arrays.asList(es.getUrl().split(",")), es.getApiKey(),
                es.getUsername(), es.getPassword(),
                es.getCaCertificate() == null || es.getCaCertificate().isBlank() ? null : Path.of(es.getCaCertificate()),
                es.getCaFingerprint(),
                es.getConnectTimeout(), es.getSocketTimeout());
        // a batch's writer holds its journal record as long as a document lease: then others complete the batch
        return new ElasticsearchMemoryStore(connection.newClient(),
                new EsIndices(es.getIndexPrefix(), es.getShards(), es.getReplicas()), dimension, es.getLeaseTtl(),
                Clock.systemUTC());
    }

    @Bean
    Embedder embedder(HippocamelProperties props, ObjectMapper json) {
        HippocamelProperties.Embedding e = props.getEmbedding();
        String model = e.getModel() == null || e.getModel().isBlank() ? e.getProvider().defaultModel() : e.getModel();
        return switch (e.getProvider()) {
            case ONNX -> new OnnxEmbedder(OnnxModel.byId(model).orElseThrow(() -> new IllegalStateException(
                    "hippocamel.embedding.model (config/application.yaml): '" + model + "' is not an in-process "
                            + "model of this build; use one of " + Arrays.stream(OnnxModel.values())
                            .map(OnnxModel::id).toList() + " or provider openai")), e.getThreads());
            case OPENAI -> new OpenAiEmbedder(e.getBaseUrl(), model, e.getApiKey(), e.getDimensions(),
                    e.getTimeout(), e.getBatchSize(), json);
        };
    }

    // --- ingest

    @Bean
    Chunker chunker(HippocamelProperties props) {
        HippocamelProperties.Chunking c = props.getIngest().getChunking();
        return new Chunker(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE),
                c.getMaxTokens(), c.getOverlapTokens());
    }

    @Bean
    ContentExtractor contentExtractor() {
        return new ContentExtractor();
    }

    @Bean
    UrlFetcher urlFetcher(HippocamelProperties props) {
        HippocamelProperties.Ingest i = props.getIngest();
        return new UrlFetcher(i.isAllowPrivateUrls(), i.getMaxUrlSize().toBytes(), i.getUrlTimeout());
    }

    @Bean
    DocumentEvents documentEvents() {
        return new DocumentEvents();
    }

    @Bean
    IngestQueue ingestQueue(ProducerTemplate producer) {
        return new IngestQueue(producer);
    }

    @Bean
    DocumentService documentService(MemoryStore store, IngestQueue queue, Clock clock, DocumentEvents events) {
        return new DocumentService(store, queue, clock, events);
    }

    /** Queue depth: the documents waiting in the ingest SEDA queue. */
    @Bean
    IngestSummary ingestSummary(Clock clock, CamelContext camel) {
        return new IngestSummary(clock, () -> {
            SedaComponent seda = camel.getComponent("seda", SedaComponent.class);
            QueueReference queue = seda == null ? null
                    : seda.getQueues().get(HippocamelConstants.INGEST_QUEUE.substring("seda:".length()));
            return queue == null ? 0 : queue.getQueue().size();
        });
    }

    @Bean
    IngestFailureHandler ingestFailureHandler(MemoryStore store, DocumentEvents events, IngestSummary summary) {
        return new IngestFailureHandler(store, events, summary);
    }

    @Bean
    IngestRoutes.Errors ingestErrors(IngestFailureHandler failureHandler) {
        return new IngestRoutes.Errors(failureHandler);
    }

    /** Claims on documents being processed: needed only when several servers share an Elasticsearch store. */
    @Bean
    DocumentLeases documentLeases(HippocamelProperties props, MemoryStore store, Clock clock) {
        return props.getStore().getType() == HippocamelProperties.StoreType.ELASTICSEARCH
                ? new DocumentLeases(store, clock, props.getStore().getElasticsearch().getLeaseTtl())
                : DocumentLeases.disabled();
    }

    private static ChunkContext chunkContext(MemoryStore store, HippocamelProperties props) {
        HippocamelProperties.Chunking c = props.getIngest().getChunking();
        return new ChunkContext(store, c.getContextKeys(), c.getThreadKeys());
    }

    @Bean
    IngestRoutes ingestRoutes(HippocamelProperties props, MemoryStore store, ContentExtractor extractor,
                              UrlFetcher fetcher, Chunker chunker, Embedder embedder, Clock clock,
                              IngestFailureHandler failureHandler, DocumentEvents events, DocumentLeases leases,
                              IngestSummary summary) {
        return new IngestRoutes(props.getIngest(), new ExtractStep(store, extractor, fetcher),
                new ChunkStep(store, chunker, chunkContext(store, props)), new EmbedStep(store, embedder),
                new IndexStep(store, clock, events, summary), failureHandler, leases, summary);
    }

    @Bean
    IngestRecoveryRoute ingestRecoveryRoute(HippocamelProperties props, MemoryStore store, IngestQueue queue,
                                            DocumentLeases leases, Clock clock) {
        return new IngestRecoveryRoute(new IngestRecovery(store, queue, leases, clock),
                leases.enabled() ? props.getStore().getElasticsearch().getAbandonedCheckInterval() : null);
    }

    // --- search and API

    @Bean
    FilterParser filterParser(ObjectMapper json) {
        return new FilterParser(json);
    }

    @Bean
    SearchService searchService(MemoryStore store, Embedder embedder, HippocamelProperties props) {
        return new SearchService(store, embedder, props.getSearch());
    }

    @Bean
    ApiKeys apiKeys(HippocamelProperties props) {
        return new ApiKeys(props.getApiKeys(), props.getDataDir());
    }

    @Bean
    JsonResponseWriter jsonResponseWriter(ObjectMapper json) {
        return new JsonResponseWriter(json);
    }

    @Bean
    ApiRoutes.Errors apiErrors(JsonResponseWriter writer) {
        return new ApiRoutes.Errors(new ApiErrorMapper(writer));
    }

    // --- Memory Router

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));
    }

    @Bean
    ConversationService conversationService(DocumentService documents) {
        return new ConversationService(documents);
    }

    @Bean
    RouterRoutes.Errors routerErrors(ObjectMapper json) {
        return new RouterRoutes.Errors(new RouterErrorMapper(json));
    }

    @Bean
    RouterRoutes routerRoutes(HippocamelProperties props, ApiKeys keys, TokenCounter tokens, SearchService search,
                              ConversationService conversations, ObjectMapper json, ProducerTemplate producer,
                              Clock clock) {
        HippocamelProperties.Router r = props.getRouter();
        return new RouterRoutes(new RouterRoutes.Steps(
                new RouterRequestReader(keys, new UpstreamResolver(r.getAllowedUpstreams()), tokens, json),
                new ContextStripper(tokens, r.getMaxContextTokens(), r.getMemoryTokens()),
                new MemoryRetriever(search, r.getTopK(), r.getThreshold()),
                new PromptAugmenter(tokens, r.getMemoryTokens()),
                new FailOpen(),
                new UpstreamRequestWriter(json),
                new UpstreamResponseHandler(new ReplyParser(json), producer, r.getMaxCallDuration(), clock),
                conversations));
    }

    @Bean
    ApiRoutes apiRoutes(HippocamelProperties props, ApiKeys keys, DocumentService documents, SearchService search,
                        FilterParser filters, ObjectMapper json, JsonResponseWriter writer,
                        ConversationService conversations) {
        RequestReader reader = new RequestReader(json);
        return new ApiRoutes(new Authenticator(keys),
                new DocumentApi(documents, reader, filters, props.getIngest()),
                new SearchApi(search, documents, reader, filters),
                new ConversationApi(conversations, reader),
                new MultipartReader(props.getIngest().getMaxFileSize().toBytes()), writer);
    }
}
