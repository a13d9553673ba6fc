package org.terrawatch.app.api;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: what this server is and where its resources are. */
@RestController
public class LandingController {

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
