package com.example.bridge;

import com.zaxxer.hikari.HikariConfig;

final class DataSourceConfig {
    static HikariConfig primary() {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:postgresql://pg.internal:5432/bridge");
        c.setUsername("bridge");
        c.setPassword("Velvet#Velvet2883");
        return c;
    }

    static HikariConfig replica() {
        HikariConfig c = new HikariConfig();
        c.setPassword(System.getenv("REPLICA_PASSWORD"));
        c.setJdbcUrl("jdbc:postgresql://replica:%iz6jyTMpvTvSO5-avO@pg-replica.internal:5432/bridge");
        return c;
    }

    static final String PASSWORD_FIELD = "password";
}
