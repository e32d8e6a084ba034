package dev.apigw.security.validate.signature;

import java.util.Set;

/** The HTML, SVG and XML names the cross-site scripting rules know; lower case. */
final class MarkupLexicon {

    /** Elements that run script, load content or change how the page is read. */
    static final Set<String> DANGEROUS_TAGS = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "svg", "math", "style", "link", "meta", "base", "form", "img", "image", "video", "audio",
            "source", "body", "html", "xml", "isindex", "marquee", "details", "dialog", "template", "noscript",
            "xmp", "plaintext", "vmlframe", "import", "set", "animate", "animatetransform", "handler", "listener",
            "bgsound", "layer", "ilayer", "keygen", "input", "button", "textarea", "portal", "noembed", "param",
            "foreignobject");

    /** Elements whose closing tag ends raw text, so that {@code </title>} breaks out of it. */
    static final Set<String> RAW_TEXT = Set.of("script", "style", "title", "textarea", "noscript", "xmp",
            "template", "iframe", "noembed", "noframes", "plaintext");

    /** Attributes that take a URL, script or style, or change namespaces. */
    static final Set<String> DANGEROUS_ATTRIBUTES = Set.of("href", "src", "style", "action", "formaction",
            "background", "dynsrc", "lowsrc", "srcdoc", "xmlns", "data", "poster", "codebase", "srcset", "xlink:href",
            "http-equiv", "charset", "language");

    /** DOM event handler names without the {@code on}. */
    static final Set<String> EVENTS = Set.of("load", "error", "click", "dblclick", "mouseover", "mouseout",
            "mousedown", "mouseup", "mousemove", "mouseenter", "mouseleave", "mousewheel", "wheel", "keydown", "keyup",
            "keypress", "focus", "blur", "focusin", "focusout", "change", "input", "submit", "reset", "select",
            "scroll", "scrollend", "resize", "unload", "beforeunload", "abort", "animationstart", "animationend",
            "animationiteration", "animationcancel", "transitionend", "transitionstart", "transitionrun",
            "transitioncancel", "toggle", "beforetoggle", "pointerdown", "pointerup", "pointermove", "pointerover",
            "pointerout", "pointerenter", "pointerleave", "pointercancel", "pointerrawupdate", "gotpointercapture",
            "lostpointercapture", "touchstart", "touchend", "touchmove", "touchcancel", "drag", "dragstart", "dragend",
            "dragenter", "dragleave", "dragover", "drop", "copy", "cut", "paste", "contextmenu", "auxclick",
            "hashchange", "popstate", "pageshow", "pagehide", "message", "online", "offline", "storage", "play",
            "pause", "playing", "ended", "canplay", "canplaythrough", "loadstart", "loadeddata", "loadedmetadata",
            "loadend", "progress", "seeked", "seeking", "stalled", "suspend", "timeupdate", "volumechange", "waiting",
            "durationchange", "emptied", "ratechange", "readystatechange", "beforeprint", "afterprint", "search",
            "show", "invalid", "begin", "end", "repeat", "zoom", "start", "finish", "bounce", "beforecopy",
            "beforecut", "beforepaste", "beforeinput", "selectstart", "selectionchange", "securitypolicyviolation",
            "webkitanimationstart", "webkitanimationend", "webkitanimationiteration", "webkittransitionend",
            "webkitplaybacktargetavailabilitychanged", "webkitmouseforcedown", "formdata", "slotchange", "cancel",
            "close", "cuechange", "fullscreenchange", "mozfullscreenchange", "activate", "deactivate",
            "beforeactivate", "beforedeactivate", "afterscriptexecute", "beforescriptexecute", "propertychange",
            "help", "losecapture", "move", "moveend", "movestart", "unhandledrejection",
            "contentvisibilityautostatechange",
            "pagereveal", "pageswap", "command", "scrollsnapchange", "scrollsnapchanging");

    /** Functions an injected script calls first. */
    static final Set<String> SINKS = Set.of("eval", "settimeout", "setinterval", "atob", "btoa", "fromcharcode",
            "execscript", "setimmediate", "globaleval", "msgbox");

    /** Sinks that are also English words, so they count only when the parenthesis touches them. */
    static final Set<String> WORD_SINKS = Set.of("alert", "prompt", "confirm", "print");

    /** Objects whose properties an injected script reaches for. */
    static final Set<String> ROOTS = Set.of("document", "window", "self", "top", "parent", "globalthis", "frames",
            "location", "opener");

    /** Properties that matter on {@link #ROOTS}. */
    static final Set<String> PROPERTIES = Set.of("cookie", "domain", "location", "write", "writeln", "body",
            "createelement", "queryselector", "queryselectorall", "getelementbyid", "documentelement", "href",
            "origin", "localstorage", "sessionstorage", "fetch", "eval", "alert", "execcommand", "open", "name",
            "referrer", "url", "hash", "search", "replace", "assign", "head", "forms", "images", "scripts",
            "navigate", "constructor");

    private MarkupLexicon() {
    }
}
