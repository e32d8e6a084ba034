package dev.apigw.security.ip;

/** Reads the hops of one forwarding header from right to left, nearest proxy first. */
interface HopReader {

    /** The next hop to the left, skipping empty list elements; {@code null} when there is none. */
    Hop next();
}
