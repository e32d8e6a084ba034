package dev.apigw.security.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot 4 application behind the apigw-security filter: the filter is a plain servlet filter, registered
 * by {@link ApigwSecurityConfiguration} from the same YAML file any other application uses.
 */
@SpringBootApplication
public class PetsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PetsApplication.class, args);
    }
}
