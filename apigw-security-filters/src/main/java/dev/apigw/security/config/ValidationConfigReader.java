package dev.apigw.security.config;

import dev.apigw.security.validate.signature.AttackSignatureSettings;
import dev.apigw.security.validate.signature.Category;

import dev.apigw.security.validate.JsonLimits;
import dev.apigw.security.validate.ParameterRule;
import dev.apigw.security.validate.RouteValidation;
import dev.apigw.security.validate.SchemaCompiler;
import dev.apigw.security.validate.ValidationSettings;

import java.util.Map;
import java.util.function.Function;

/**
 * Maps the {@code validation} section and the {@code validate} blocks of routes and defaults onto their builders.
 * Every schema is loaded and compiled here, once, at start-up: a body schema from a file relative to the
 * configuration's directory, each parameter rule from the file itself; a bad one stops start-up at its pointer.
 */
final class ValidationConfigReader {

    private final SchemaCompiler compiler;

    private ValidationConfigReader(ConfigDocument document) {
        this.compiler = new SchemaCompiler(document.baseDirectory());
    }

    /** Maps {@code validation} and {@code defaults.validate}; the reader then serves the routes' blocks. */
    static ValidationConfigReader read(ConfigDocument document, ConfigNode root, GatewayConfig.Builder b) {
        ValidationConfigReader reader = new ValidationConfigReader(document);
        if (root.get("validation").present()) {
            b.validation(reader.settings(root.get("validation")));
        }
        ConfigNode signatures = root.get("validation").get("attackSignatures");
        if (signatures.present()) {
            b.attackSignatures(attackSignatures(signatures));
        }
        ConfigNode defaults = root.get("defaults").get("validate");
        if (defaults.present()) {
            defaults.build(() -> b.defaultValidate(reader.rules(defaults)));
        }
        return reader;
    }

    /** {@code validation.attackSignatures}: the mode (default block) and the categories (default all). */
    private static AttackSignatureSettings attackSignatures(ConfigNode n) {
        AttackSignatureSettings.Builder s = AttackSignatureSettings.builder();
        if (n.get("mode").present()) {
            s.mode(n.get("mode").parse(AttackSignatureSettings.Mode::fromConfigName));
        }
        if (n.get("categories").present()) {
            java.util.List<Category> categories = new java.util.ArrayList<>();
            for (ConfigNode c : n.get("categories").elements()) {
                categories.add(c.parse(Category::fromConfigName));
            }
            s.categories(categories);
        }
        return n.build(s::build);
    }

    /** A route's {@code validate.attackSignatures.exclude}, or an empty list. */
    static java.util.List<String> signatureExclusions(ConfigNode validate) {
        return validate.get("attackSignatures").get("exclude").texts();
    }

    private ValidationSettings settings(ConfigNode n) {
        ValidationSettings s = ValidationSettings.DEFAULTS;
        if (n.get("maxBodySize").present()) {
            s = s.withMaxBodySize(n.get("maxBodySize").parse(DataSize::parse).bytes());
        }
        if (n.get("maxHeaderSize").present()) {
            s = s.withMaxHeaderSize(n.get("maxHeaderSize").parse(DataSize::parse).bytes());
        }
        ConfigNode json = n.get("json");
        if (json.present()) {
            JsonLimits limits = s.json().withRejectDuplicateKeys(json.get("rejectDuplicateKeys").bool(true));
            if (json.get("maxDepth").present()) {
                limits = limits.withMaxDepth(json.get("maxDepth").json().intValue());
            }
            ConfigNode strings = json.get("maxStringLength");
            if (strings.present()) {
                // Beyond 2 Gi characters a string could not be held anyway; the body limit is far below.
                limits = limits.withMaxStringLength((int) Math.min(strings.parse(DataSize::parse).bytes(),
                        Integer.MAX_VALUE));
            }
            s = s.withJson(limits);
        }
        return s;
    }

    /** A {@code validate} block, or {@code null} where the node is absent. */
    RouteValidation rules(ConfigNode n) {
        if (!n.present()) {
            return null;
        }
        RouteValidation.Builder b = RouteValidation.builder();
        ConfigNode types = n.get("contentTypes");
        if (types.present()) {
            types.build(() -> b.contentTypes(types.texts()));
        }
        ConfigNode body = n.get("body");
        if (body.present()) {
            b.body(body.build(() -> compiler.load(body.text())));
        }
        parameters(n.get("query"), b::query);
        parameters(n.get("path"), b::path);
        ConfigNode headers = n.get("headers");
        for (ConfigNode name : headers.get("required").elements()) {
            b.header(ParameterRule.required(name.text()));
        }
        for (Map.Entry<String, ConfigNode> h : headers.members().entrySet()) {
            if (!h.getKey().equals("required")) {
                b.header(h.getValue().build(() -> ParameterRule.of(h.getKey(), h.getValue().json(), compiler)));
            }
        }
        return b.build();
    }

    private void parameters(ConfigNode n, Function<ParameterRule, RouteValidation.Builder> add) {
        for (Map.Entry<String, ConfigNode> p : n.members().entrySet()) {
            add.apply(p.getValue().build(() -> ParameterRule.of(p.getKey(), p.getValue().json(), compiler)));
        }
    }
}
