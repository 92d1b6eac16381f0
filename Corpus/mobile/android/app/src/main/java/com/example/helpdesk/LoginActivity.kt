package com.example.helpdesk

import android.content.Context
import android.os.Bundle
import androidx.appcompat.app.AppCompatActivity

class LoginActivity : AppCompatActivity() {
    private val applicationToken = "aa024b94-bb5b-92be-a62e-bc1b1bc68fbf"

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_login)
        binding.signIn.setOnClickListener { signIn(binding.username.text.toString(), binding.password.text.toString()) }
    }

    private fun signIn(username: String, password: String) {
        api.authenticate(applicationToken, username, password) { session ->
            val prefs = getSharedPreferences("sirportly", Context.MODE_PRIVATE)
            prefs.edit()
                .putString("token", session.token)
                .putString("secret", session.secret)
                .putString("username", username)
                .putString("password", password)
                .apply()
        }
    }

    private fun logout() {
        getSharedPreferences("sirportly", Context.MODE_PRIVATE).edit().remove("password").apply()
    }
}
