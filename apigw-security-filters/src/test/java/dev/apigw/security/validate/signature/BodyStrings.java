package dev.apigw.security.validate.signature;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strings a body parser would hand to the scanner, by content type: form fields (names and values), JSON member
 * names (judged as values: JSON maps are keyed by free text, translations for example) and strings with their
 * pointers, multipart field names, file names and contents, XML attribute values and
 * text; any other body as one string. Only for the corpus benchmark: the library's own body handling lives in the
 * validation package.
 */
final class BodyStrings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BodyStrings() {
    }

    static List<BodyValue> of(String contentType, String body) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.contains("json")) {
                List<BodyValue> out = new ArrayList<>();
                json(JSON.readTree(body), "", out);
                return out;
            }
            if (type.startsWith("multipart/")) {
                return multipart(type, body);
            }
            if (type.contains("xml")) {
                return xml(body);
            }
        } catch (RuntimeException | XMLStreamException e) {
            return List.of(new BodyValue("", body));
        }
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        return List.of(new BodyValue("", body));
    }

    /** {@code application/x-www-form-urlencoded}: names and values, each decoded once as the container would. */
    static List<BodyValue> form(String body) {
        List<BodyValue> out = new ArrayList<>();
        for (Map.Entry<String, String> p : pairs(body)) {
            out.add(BodyValue.name(p.getKey(), p.getKey()));
            out.add(new BodyValue(p.getKey(), p.getValue()));
        }
        return out;
    }

    /** The name-value pairs of a query string or form body, decoded once ({@code +} is a space). */
    static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : encoded.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : PercentDecoding.decode(pair.substring(eq + 1), true);
            out.add(Map.entry(name, value));
        }
        return out;
    }

    private static void json(JsonNode node, String pointer, List<BodyValue> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(new BodyValue(child, e.getKey()));
                json(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                json(node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isString()) {
            out.add(new BodyValue(pointer, node.asString()));
        }
    }

    private static List<BodyValue> multipart(String type, String body) {
        int b = type.indexOf("boundary=");
        String boundary = "--" + type.substring(b + 9).replace("\"", "").strip();
        List<BodyValue> out = new ArrayList<>();
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            int blank = part.indexOf("\n\n");
            if (blank < 0) {
                continue;
            }
            String head = part.substring(0, blank);
            String name = attribute(head, "name");
            out.add(BodyValue.name(name, name));
            String file = attribute(head, "filename");
            if (!file.isEmpty()) {
                out.add(new BodyValue(name, file));
            }
            out.add(new BodyValue(name, part.substring(blank + 2).stripTrailing()));
        }
        return out;
    }

    private static String attribute(String head, String name) {
        String key = " " + name + "=\"";
        int at = head.indexOf(key);
        if (at < 0) {
            return "";
        }
        int end = head.indexOf('"', at + key.length());
        return end < 0 ? "" : head.substring(at + key.length(), end);
    }

    private static List<BodyValue> xml(String body) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(body));
        List<BodyValue> out = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    out.add(new BodyValue(r.getLocalName(), r.getAttributeValue(i)));
                }
            } else if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                out.add(new BodyValue("", r.getText()));
            }
        }
        return out;
    }
}
