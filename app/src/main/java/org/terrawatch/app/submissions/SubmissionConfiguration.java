package org.terrawatch.app.submissions;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.SubmissionAccess;
import org.terrawatch.submission.SubmissionIntake;
import org.terrawatch.submission.SubmissionRegister;
import org.terrawatch.submission.SubmissionRepository;

/** The hand-in of base data, its register and who may read them; the files kept with the other attachments. */
@Configuration(proxyBeanMethods = false)
public class SubmissionConfiguration {

    @Bean
    public SubmissionIntake submissionIntake(SpatialStore store, SubmissionProperties properties, AttachmentStore attachments, Clock clock) {
        return new SubmissionIntake(store, properties.layers(), properties.fields(), properties.registrar(), attachments,
                () -> new Deadlines(new CalendarRepository(store).load()), clock);
    }

    @Bean
    public SubmissionRegister submissionRegister(SpatialStore store, SubmissionProperties properties) {
        return new SubmissionRegister(new SubmissionRepository(store), properties.layers());
    }

    @Bean
    public SubmissionAccess submissionAccess(SubmissionProperties properties) {
        return new SubmissionAccess(properties.registrar());
    }
}
