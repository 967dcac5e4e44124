"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/signin" })} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
      Sign out
    </button>
  );
}
