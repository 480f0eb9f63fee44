import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export const findOrder = (id: string) => prisma.$queryRawUnsafe(`SELECT * FROM "Order" WHERE id = '${id}'`);
