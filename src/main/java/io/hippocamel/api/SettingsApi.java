package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.TENANT;

import io.hippocamel.settings.SettingsService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** {@code /v3/settings}: the tenant's organisation settings (each API key's tenant is its own organisation). */
public class SettingsApi {

    private final SettingsService settings;
    private final RequestReader reader;

    public SettingsApi(SettingsService settings, RequestReader reader) {
        this.settings = settings;
        this.reader = reader;
    }

    /** GET /v3/settings. */
    public ApiResponse get(@ExchangeProperty(TENANT) String tenant) {
        return ApiResponse.ok(settings.get(tenant).fields());
    }

    /** PATCH /v3/settings: the given fields only; answers with what changed. */
    public ApiResponse update(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        Map<String, Object> updated = settings.update(tenant, reader.object(body));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", tenant);
        m.put("orgSlug", tenant);
        m.put("updated", updated);
        return ApiResponse.ok(m);
    }
}
