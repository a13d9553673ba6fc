package org.terrawatch.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.config.TerraWatchProperties;

/** {@code GET /api/web-ui}: what the web UI is configured with — the optional base map (none: our own layers only). */
@RestController
public class WebUiSettingsController {

    private final TerraWatchProperties.Web web;

    public WebUiSettingsController(TerraWatchProperties properties) {
        this.web = properties.web();
    }

    @GetMapping("/api/web-ui")
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseMap", web.baseMapUrl().isBlank() ? null : Map.of("url", web.baseMapUrl(), "attribution", web.baseMapAttribution()));
        return settings;
    }
}
