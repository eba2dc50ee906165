package io.arbiter.practice;

public enum NetworkStatus { IN_NETWORK, OUT_OF_NETWORK, UNKNOWN }
