package dev.apigw.security.servlet;

import dev.apigw.security.Identity;
import dev.apigw.security.json.JsonLine;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The application behind the filter in the integration tests: it echoes what it was handed. */
final class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Identity id = (Identity) req.getAttribute(Identity.ATTRIBUTE);
        String role = req.getParameter("role");
        String claim = req.getParameter("claim");
        String body = new JsonLine(256)
                .field("app", "reached")
                .field("method", req.getMethod())
                .field("uri", req.getRequestURI())
                .field("principal", req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName())
                .field("authMethod", id == null ? null : id.authMethod())
                .field("inRole", role == null ? null : String.valueOf(req.isUserInRole(role)))
                .field("claim", claim == null || id == null ? null : String.valueOf(id.claims().get(claim)))
                .field("clientIp", String.valueOf(req.getAttribute(ApigwSecurityFilter.CLIENT_ADDRESS_ATTRIBUTE)))
                .end();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
