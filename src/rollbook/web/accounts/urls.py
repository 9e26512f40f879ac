from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from rollbook.web.accounts import import_views, views, welcome

app_name = "accounts"
USERS = "schools/<int:urn>/users/"
urlpatterns = [
    path(USERS, views.manage, name="manage"),
    path(f"{USERS}<int:user_id>/", views.change, name="change"),
    path(f"{USERS}<int:user_id>/remove/", views.remove, name="remove"),
    path(f"{USERS}new/", views.create_user, name="create"),
    path(f"{USERS}pending/", views.pending, name="pending"),
    path(f"{USERS}pending/<int:pk>/resend/", views.resend, name="resend"),
    path(f"{USERS}pending/<int:pk>/cancel/", views.cancel, name="cancel"),
    path(f"{USERS}import/", import_views.upload, name="import"),
    path(f"{USERS}import/choose/", import_views.step, {"number": 1}, name="import_choose"),
    path(f"{USERS}import/roles/", import_views.step, {"number": 2}, name="import_roles"),
    path(f"{USERS}import/access/", import_views.step, {"number": 3}, name="import_access"),
    path(f"{USERS}import/confirm/", import_views.confirm, name="import_confirm"),
    path("welcome/", welcome.welcome, name="welcome"),
    path("welcome/password/", welcome.choose_password, name="welcome_password"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
