package org.terrawatch.app.api;

import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.EntityNotFoundException;

/**
 * {@code GET /}: for a browser, the web UI (the bundle of the {@code web} module, its assets under {@code /assets/});
 * for any other client, what this server is and where its resources are.
 */
@RestController
public class LandingController {

    private static final Resource UI = new ClassPathResource("META-INF/resources/index.html");

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<Resource> ui() {
        if (!UI.exists()) {
            throw new EntityNotFoundException("The web UI is not in this build (the web module builds it)");
        }
        // The page is small and names its hashed assets: always asked again, the assets cached for good.
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(UI);
    }

    @GetMapping(value = "/", produces = "application/json")
    public Map<String, Object> landing() {
        return Map.of(
                "title", "TerraWatch 自然资源动态监测服务",
                "titleEn", "TerraWatch natural-resource dynamic monitoring",
                "links", List.of(
                        Map.of("rel", "summary", "href", "/api/summary", "title", "监测概况 / monitoring summary"),
                        Map.of("rel", "health", "href", "/actuator/health", "title", "运行状态 / health")));
    }
}
