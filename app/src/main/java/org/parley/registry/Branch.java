package org.parley.registry;

/** Branch of service. */
public enum Branch {
    ARMY, NAVY, AIR_FORCE, MARINES, NATIONAL_GUARD, BORDER_GUARD, OTHER
}
