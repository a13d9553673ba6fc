package org.terrawatch.app.submissions;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.submission.SubmittedLayer;

/**
 * The departments' hand-ins ({@code <data-dir>/submissions.yml}).
 *
 * @param registrar the department that keeps the register and may hand in on behalf of others (the surveying section)
 * @param layers    the base layers handed in: name, kind, department
 * @param fields    per base-layer field, the names departments' files use for it
 */
@ConfigurationProperties("terrawatch.submissions")
public record SubmissionProperties(@DefaultValue("cehui") String registrar, @DefaultValue List<SubmittedLayer> layers,
                                   @DefaultValue Map<String, List<String>> fields) {
}
