package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.CONTAINER_TAG_PARAM;
import static io.hippocamel.HippocamelConstants.TENANT;

import io.hippocamel.tags.ContainerTag;
import io.hippocamel.tags.ContainerTagService;
import io.hippocamel.tags.TagDeletion;
import io.hippocamel.tags.TagSummary;
import io.hippocamel.tenancy.RequestRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** {@code /v3/container-tags}: the tenant's tags with their counts, their profiles, and deleting one entirely. */
public class ContainerTagApi {

    private final ContainerTagService tags;
    private final RequestReader reader;

    public ContainerTagApi(ContainerTagService tags, RequestReader reader) {
        this.tags = tags;
        this.reader = reader;
    }

    /** GET /v3/container-tags/list. */
    public ApiResponse list(@ExchangeProperty(TENANT) String tenant) {
        List<Map<String, Object>> out = tags.list(tenant).stream().map(ContainerTagApi::summary).toList();
        return ApiResponse.ok(out);
    }

    /** GET /v3/container-tags/{containerTag}. */
    public ApiResponse get(@ExchangeProperty(TENANT) String tenant, @Header(CONTAINER_TAG_PARAM) String tag) {
        return ApiResponse.ok(profile(tags.get(tenant, valid(tag))));
    }

    /** PATCH /v3/container-tags/{containerTag} {name, entityContext, memoryFilesystemPaths, profileBuckets}. */
    public ApiResponse update(@ExchangeProperty(TENANT) String tenant, @Header(CONTAINER_TAG_PARAM) String tag,
                              @Body String body) {
        return ApiResponse.ok(profile(tags.update(tenant, valid(tag), reader.object(body))));
    }

    /** DELETE /v3/container-tags/{containerTag}: its documents, memories and profile. */
    public ApiResponse delete(@ExchangeProperty(TENANT) String tenant, @Header(CONTAINER_TAG_PARAM) String tag) {
        TagDeletion deleted = tags.delete(tenant, valid(tag));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", true);
        m.put("containerTag", deleted.containerTag());
        m.put("deletedDocumentsCount", deleted.deletedDocumentsCount());
        m.put("deletedMemoriesCount", deleted.deletedMemoriesCount());
        return ApiResponse.ok(m);
    }

    private static String valid(String tag) {
        return RequestRules.containerTag(tag, "containerTag");
    }

    private static Map<String, Object> summary(TagSummary s) {
        ContainerTag t = s.tag();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.containerTag());
        m.put("name", t.name() == null ? t.containerTag() : t.name());
        m.put("containerTag", t.containerTag());
        m.put("description", null);
        m.put("createdAt", time(t.createdAt()));
        m.put("updatedAt", time(t.updatedAt()));
        m.put("isExperimental", false);
        m.put("isNova", t.containerTag().startsWith("sm_project_"));
        m.put("documentCount", s.documentCount());
        m.put("memoryCount", s.memoryCount());
        m.put("lastActivityAt", time(s.lastActivityAt()));
        return m;
    }

    private static Map<String, Object> profile(ContainerTag t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("containerTag", t.containerTag());
        m.put("name", t.name() == null ? t.containerTag() : t.name());
        m.put("entityContext", t.entityContext());
        m.put("memoryFilesystemPaths", t.memoryFilesystemPaths());
        m.put("profileBuckets", t.profileBuckets());
        m.put("createdAt", time(t.createdAt()));
        m.put("updatedAt", time(t.updatedAt()));
        return m;
    }

    private static String time(Instant instant) {
        return instant == null ? null : DocumentViews.time(instant);
    }
}
