package io.arbiter.practice;

/**
 * Ancillary services (anesthesia, radiology, pathology, neonatology, assistant surgeons,
 * hospitalists, intensivists, labs) can never waive NSA protections by notice and consent
 * (45 CFR 149.420(b)); interventional pain procedures can.
 */
public enum ProviderType { INTERVENTIONAL, ANESTHESIA, RADIOLOGY, PATHOLOGY, LABORATORY, ASSISTANT_SURGEON, HOSPITALIST, OTHER;

    public boolean ancillary() {
        return this != INTERVENTIONAL && this != OTHER;
    }
}
