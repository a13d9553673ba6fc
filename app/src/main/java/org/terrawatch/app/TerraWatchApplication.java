package org.terrawatch.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The TerraWatch server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TerraWatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(TerraWatchApplication.class, args);
    }
}
