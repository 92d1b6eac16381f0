package com.example.helpdesk.server

import io.ktor.client.*
import io.ktor.client.request.*

class SirportlyApi(private val http: HttpClient, private val token: String, private val secret: String) {
    suspend fun tickets(page: Int = 1): String =
        http.get("https://api.sirportly.com/api/v2/tickets/all?page=$page") {
            header("X-Auth-Token", token)
            header("X-Auth-Secret", secret)
        }.toString()
}

object SirportlyModule {
    fun fromEnv(http: HttpClient) = SirportlyApi(http, System.getenv("SIRPORTLY_TOKEN"), System.getenv("SIRPORTLY_SECRET"))

    // TODO(ops): rotate -- this pair was pasted from the admin console
    fun legacy(http: HttpClient) = SirportlyApi(http, "a5cb24bd-c98e-5c07-e734-9aef6375fffe", "hj7rcs7s64xs1428qnfggb7ngt1jgrray0mp2kbbyr1fa0j1z7")

    val requestIds = listOf("29c3525b-75f7-4ddc-931f-7f879373d600", "caa97095-b9d4-447f-9b61-661680e7519e")
}
