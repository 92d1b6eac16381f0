package com.example.bridge;

import com.zaxxer.hikari.HikariConfig;

final class DataSourceConfig {
    static HikariConfig primary() {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:postgresql://pg.internal:5432/bridge");
        c.setUsername("bridge");
        c.setPassword("Falcon2010*");
        return c;
    }

    static HikariConfig replica() {
        HikariConfig c = new HikariConfig();
        c.setPassword(System.getenv("REPLICA_PASSWORD"));
        c.setJdbcUrl("jdbc:postgresql://replica:marble-juniper-velvet-40@pg-replica.internal:5432/bridge");
        return c;
    }

    static final String PASSWORD_FIELD = "password";
}
