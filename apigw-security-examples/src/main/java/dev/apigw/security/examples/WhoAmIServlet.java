package dev.apigw.security.examples;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Identity;
import dev.apigw.security.json.JsonLine;
import dev.apigw.security.servlet.ApigwSecurityFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /whoami}: answers the identity the library established, read back through the standard servlet calls
 * and the request attribute, so the demo shows exactly what an application receives.
 */
final class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Identity id = (Identity) req.getAttribute(Identity.ATTRIBUTE);
        ClientAddress client = (ClientAddress) req.getAttribute(ApigwSecurityFilter.CLIENT_ADDRESS_ATTRIBUTE);
        JsonLine json = new JsonLine(256)
                .field("principal", req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName())
                .field("authMethod", id == null ? null : id.authMethod())
                .rawField("scopes", array(id == null ? Set.of() : id.scopes()))
                .rawField("groups", array(id == null ? Set.of() : id.groups()))
                .field("apiKeyId", id == null ? null : id.apiKeyId())
                .field("plan", id == null ? null : id.plan())
                .field("clientIp", client == null ? null : client.text())
                .field("requestId", (String) req.getAttribute(ApigwSecurityFilter.REQUEST_ID_ATTRIBUTE));
        Json.write(resp, 200, json.end());
    }

    private static String array(Set<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String v : new TreeSet<>(values)) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonLine.string(sb, v);
        }
        return sb.append(']').toString();
    }
}
