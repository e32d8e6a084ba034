package dev.apigw.security.springboot;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /pets} (a token with {@code pets:read}) and {@code GET /health} (public): the application only reads
 * the identity the filter established, it checks nothing itself.
 */
@RestController
class PetsController {

    @GetMapping("/pets")
    Map<String, Object> pets(HttpServletRequest request) {
        return Map.of("caller", request.getUserPrincipal().getName(),
                "pets", List.of(Map.of("id", 1, "name", "Rex"), Map.of("id", 2, "name", "Tom")));
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }
}
