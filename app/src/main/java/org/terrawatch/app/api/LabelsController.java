package org.terrawatch.app.api;

import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.monitoring.Labels;

/**
 * {@code GET /api/labels?lang=zh|en}: the names of the domain's values (alert types, patch categories, states ...) by
 * {@code SimpleEnumName.CONSTANT}, so the web UI shows the server's own labels instead of a copy of them.
 */
@RestController
public class LabelsController {

    @GetMapping("/api/labels")
    public Map<String, String> labels(@RequestParam(name = "lang", defaultValue = "zh") String language) {
        return Labels.all(Locale.forLanguageTag(language));
    }
}
