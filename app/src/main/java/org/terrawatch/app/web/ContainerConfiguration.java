package org.terrawatch.app.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.config.TerraWatchProperties;

/**
 * The servlet container's side of hostile input: Tomcat's own refusals in the protocols' forms, and the media-type and
 * body-size checks every request with a body passes after its credential is known (the security filter chain runs first,
 * so an anonymous caller's large body is refused before it is read where a sign-in is needed).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerConfiguration {

    /**
     * Tomcat's refusals in the protocols' forms; and {@code 100 Continue} sent only once a body is read, so that a
     * client asking first ({@code Expect: 100-continue}, as curl does for large uploads) hears a 413 or 415 before it
     * sends a body that would be refused.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> protocolErrorReports() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ContainerErrorReports.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> {
                if (!connector.setProperty("continueResponseTiming", "onRead")) {
                    throw new IllegalStateException("Tomcat's connector lacks continueResponseTiming");
                }
            });
        };
    }

    @Bean
    public FilterRegistrationBean<RequestMediaTypes> requestMediaTypes() {
        FilterRegistrationBean<RequestMediaTypes> registration = new FilterRegistrationBean<>(new RequestMediaTypes());
        registration.setOrder(10);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(TerraWatchProperties properties) {
        FilterRegistrationBean<RequestBodyLimits> registration = new FilterRegistrationBean<>(new RequestBodyLimits(properties.limits()));
        registration.setOrder(20);
        return registration;
    }
}
