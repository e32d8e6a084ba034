package dev.apigw.security.springboot;

import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.servlet.ApigwSecurityFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.nio.file.Path;

/**
 * Registers {@link ApigwSecurityFilter} in front of every path, first of all filters, from the configuration file
 * {@code apigw.config} (default {@code apigw.yaml} in the working directory) and the stage {@code apigw.stage}
 * (default: the {@code APIGW_STAGE} environment variable, else none).
 *
 * <p>First, because every control must see the request before anything reads or answers it (Spring Security's own
 * chain included, if the application has one). A configuration error stops the application at start-up with the
 * JSON pointer of the bad value.
 */
@Configuration(proxyBeanMethods = false)
class ApigwSecurityConfiguration {

    @Bean
    FilterRegistrationBean<ApigwSecurityFilter> apigwSecurity(@Value("${apigw.config:apigw.yaml}") String file,
                                                              @Value("${apigw.stage:${APIGW_STAGE:}}") String stage) {
        GatewayConfig config = ConfigLoader.load(Path.of(file), stage.isBlank() ? null : stage);
        FilterRegistrationBean<ApigwSecurityFilter> registration =
                new FilterRegistrationBean<>(new ApigwSecurityFilter(config));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
